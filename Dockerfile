# Build stage: the same `mvn package` that CI runs (see .ci/run), producing one runnable jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml checkstyle.xml ./
COPY src src
COPY prompts prompts
RUN mvn -B -q package -DskipTests

# Run stage: a slim JRE, the jar, and a user that owns nothing but the data folder.
FROM eclipse-temurin:17-jre
RUN groupadd --system helpline && useradd --system --gid helpline --home-dir /app --no-create-home helpline \
    && mkdir -p /app/data && chown helpline:helpline /app/data
WORKDIR /app
COPY --from=build /src/target/helpline-*.jar /app/helpline.jar
# An AppCDS archive written here, by this image's own JVM, from one training run (bin/cds-archive): each start then
# maps the classes instead of loading them from the jar, which halves the time to the first answered call.
# The training run has the same JVM options as the service: the archive must agree on settings such as
# compressed pointers, which the heap size decides.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
COPY bin/cds-archive bin/twilio-post /app/bin/
RUN /app/bin/cds-archive /app/helpline.jar /app/helpline.jsa
USER helpline
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/helpline.jsa", "-jar", "/app/helpline.jar"]
