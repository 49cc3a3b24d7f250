package org.helpline.flow;

import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Say;

import java.util.Locale;

/** A language the whole call can run in; its code travels in every URL of the call. */
public enum Language {
    EN(Say.Language.EN_US, Gather.Language.EN_US),
    ES(Say.Language.ES_US, Gather.Language.ES_US);

    private final Say.Language sayLanguage;
    private final Gather.Language gatherLanguage;

    Language(Say.Language sayLanguage, Gather.Language gatherLanguage) {
        this.sayLanguage = sayLanguage;
        this.gatherLanguage = gatherLanguage;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Say.Language sayLanguage() {
        return sayLanguage;
    }

    public Gather.Language gatherLanguage() {
        return gatherLanguage;
    }

    /** Reads a language code from a URL; anything unknown, including nothing, is English. */
    public static Language fromCode(String code) {
        for (Language language : values()) {
            if (language.code().equals(code)) {
                return language;
            }
        }
        return EN;
    }
}
