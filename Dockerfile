# syntax=docker/dockerfile:1

# Build: the same Maven build as CI, without the tests (they need a PostgreSQL and run in CI, not here).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# The Maven repository is a build cache, not a layer of the image.
COPY pom.xml .
COPY src src
# routes/ goes into the jar under routes/ (see <resources> in pom.xml)
COPY routes routes
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package \
 && cp target/contact-sync-hub-*.jar /build/app.jar

# Run: a JRE only, as a user without privileges.
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system hub \
 && useradd --system --gid hub --home-dir /app --no-create-home hub \
 && mkdir -p /app /var/lib/contact-sync-hub \
 && chown hub:hub /var/lib/contact-sync-hub
WORKDIR /app
COPY --from=build /build/app.jar /app/app.jar
ENV SPRING_PROFILES_ACTIVE=production \
    HUB_DATA_DIR=/var/lib/contact-sync-hub
USER hub
EXPOSE 8080
# /actuator/health answers 503 while the broker or the database is down, so the container shows unhealthy then.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=4 \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
