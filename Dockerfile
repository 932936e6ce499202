# Build stage: the fat jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline || true
COPY src src
COPY openapi.properties openapi.properties
RUN mvn -B -q package -DskipTests

# Run stage.
FROM eclipse-temurin:17-jre
WORKDIR /opt/noc
COPY --from=build /src/target/noc-correlator.jar /opt/noc/noc-correlator.jar
COPY rules /opt/noc/rules
COPY mibs /opt/noc/mibs
COPY templates /opt/noc/templates
# The defaults listen on 127.0.0.1 only; inside a container the published ports need every interface.
ENV MICRONAUT_SERVER_HOST=0.0.0.0 NOC_SNMP_BIND_ADDRESS=0.0.0.0
EXPOSE 8080 1162/udp
ENTRYPOINT ["java", "-jar", "/opt/noc/noc-correlator.jar"]
