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
USER helpline
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/helpline.jar"]
