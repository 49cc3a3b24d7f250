package org.helpline.prompt;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;

import java.util.Optional;
import java.util.regex.Pattern;

/** Serves prompt recordings to Twilio's {@code <Play>}. Only audio files under {@code prompts/<lang>/}. */
@Controller("/prompts")
class PromptController {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern AUDIO_FILE = Pattern.compile("[a-z0-9-]{1,60}\\.(mp3|wav)");

    /** The class loader, not Micronaut's ResourceLoader, which opens the whole jar anew for every file it reads. */
    private final ClassLoader resources = PromptController.class.getClassLoader();

    @Get("/{lang}/{file}")
    HttpResponse<StreamedFile> recording(String lang, String file) {
        if (!LANGUAGE.matcher(lang).matches() || !AUDIO_FILE.matcher(file).matches()) {
            return HttpResponse.notFound();
        }
        MediaType type = file.endsWith(".mp3") ? MediaType.of("audio/mpeg") : MediaType.of("audio/wav");
        return Optional.ofNullable(resources.getResourceAsStream(PromptCatalog.ROOT + lang + "/" + file))
            .map(in -> HttpResponse.ok(new StreamedFile(in, type)))
            .orElseGet(HttpResponse::notFound);
    }
}
