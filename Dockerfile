# syntax=docker/dockerfile:1
#
# Planflow container image.
#   docker build -t planflow .
#   docker run -p 8080:8080 -e SPRING_PROFILES_ACTIVE=postgres -e PLANFLOW_DB_URL=... planflow
# or, with PostgreSQL and Mailpit: docker compose up --build

# ---- build ------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /workspace
COPY . .
# The cache mount keeps ~/.m2 between builds (BuildKit); tests run in CI, not here.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -DskipTests package \
 && cp target/*.jar /workspace/app.jar

# ---- runtime ----------------------------------------------------------------
# Why debian:12-slim and not eclipse-temurin:17-jre: the Temurin images are Ubuntu,
# where the "chromium" package is only a stub that installs a snap, and snaps do not
# run in a container. Debian ships a real Chromium, plus OpenJDK 17 (the same JRE
# that CI builds and tests with), Poppler and the TLWG Thai fonts.
FROM debian:12-slim

# /usr/share/man/man1 is missing in slim images; the JRE's postinst needs it.
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      openjdk-17-jre-headless \
      chromium \
      fonts-thai-tlwg \
      poppler-utils \
      curl \
      ca-certificates \
 && rm -rf /var/lib/apt/lists/*

# Unprivileged user with a writable home (Chromium writes its profile there)
# and a writable working directory (the default profile keeps its H2 file in ./data).
RUN useradd --uid 10001 --user-group --create-home --home-dir /home/planflow --shell /usr/sbin/nologin planflow \
 && mkdir -p /app/data \
 && chown -R planflow:planflow /app

WORKDIR /app
COPY --from=build --chown=planflow:planflow /workspace/app.jar /app/app.jar
USER planflow

# Pass the profile at run time (-e SPRING_PROFILES_ACTIVE=postgres); "default" = none chosen.
ENV SPRING_PROFILES_ACTIVE=default \
    TZ=Asia/Bangkok \
    LANG=C.UTF-8 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dfile.encoding=UTF-8"

EXPOSE 8080

# Camunda needs a while to start; /actuator/health is public.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=5 \
  CMD curl -fsS "http://127.0.0.1:${SERVER_PORT:-8080}/actuator/health" >/dev/null || exit 1

ENTRYPOINT ["java", "-jar", "/app/app.jar"]
