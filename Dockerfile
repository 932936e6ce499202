# Build stage: the jar without the embedded MariaDB (profile image, README "Running with Docker"):
# a container is always given a database server, so its ~141 MB of MariaDB binaries would be dead weight.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q -Pimage dependency:go-offline || true
COPY openapi.properties openapi.properties
COPY src/main src/main
RUN mvn -B -q -Pimage package -DskipTests

# Run stage.
FROM eclipse-temurin:17-jre
# A fixed, unprivileged uid and gid (10001, clear of the base image's 1000): a folder mounted from the host
# can be given to it by number. It owns only rules/, which the console's rules workbench writes.
RUN groupadd --gid 10001 noc \
    && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /opt/noc --shell /usr/sbin/nologin noc
WORKDIR /opt/noc
COPY --from=build /src/target/noc-correlator.jar /opt/noc/noc-correlator.jar
COPY mibs /opt/noc/mibs
COPY templates /opt/noc/templates
COPY --chown=10001:10001 rules /opt/noc/rules
# The defaults listen on 127.0.0.1 only; inside a container the published ports need every interface.
ENV MICRONAUT_SERVER_HOST=0.0.0.0 NOC_SNMP_BIND_ADDRESS=0.0.0.0
USER 10001:10001
EXPOSE 8080 1162/udp
# /health answers 200 when the database answers and the engine cycles, 503 otherwise. curl is in the
# eclipse-temurin 17 and 21 Ubuntu images (kept there on purpose; images from 24/25 on have none): a base
# image moved past 21 must install it. The start period covers Flyway, the MIBs and the rules' first build.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${MICRONAUT_SERVER_PORT:-8080}/health" || exit 1
ENTRYPOINT ["java", "-jar", "/opt/noc/noc-correlator.jar"]
