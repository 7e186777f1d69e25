# Build and run Annals in containers (for developers with a Docker engine; see docker-compose.yml).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY shared-events/pom.xml shared-events/
COPY command-side/pom.xml command-side/
COPY query-side/pom.xml query-side/
COPY api-gateway/pom.xml api-gateway/
RUN mvn -q -B dependency:go-offline -DskipTests
COPY . .
RUN mvn -q -B package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app annals
WORKDIR /app
COPY --from=build /src/api-gateway/target/annals.jar /app/annals.jar
USER annals
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s \
  CMD curl -fsS http://localhost:4000/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/annals.jar"]
