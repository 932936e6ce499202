# Build stage: the fat jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline || true
COPY src src
RUN mvn -B -q package -DskipTests

# Run stage.
FROM eclipse-temurin:17-jre
WORKDIR /opt/noc
COPY --from=build /src/target/noc-correlator.jar /opt/noc/noc-correlator.jar
COPY rules /opt/noc/rules
COPY mibs /opt/noc/mibs
COPY templates /opt/noc/templates
EXPOSE 8080 1162/udp
ENTRYPOINT ["java", "-jar", "/opt/noc/noc-correlator.jar"]
