package noc.inventory;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A language the correlator writes in: its pages and its emails exist in French and English. A
 * contact's is its {@code language} in the inventory; without one, {@code noc.locale}'s.
 */
@Serdeable
public enum Language {
    FR(Locale.FRENCH), EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** As people type it and as JSON shows it: {@code fr}, {@code en}. */
    @JsonValue
    public String code() {
        return locale.getLanguage();
    }

    /** The language of a code ({@code fr}, {@code EN}), if it is one of ours. */
    public static Optional<Language> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code.strip())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** From JSON: {@code fr} or {@code en}. */
    @JsonCreator
    public static Language fromCode(String code) {
        return of(code).orElseThrow(() -> new IllegalArgumentException("not fr or en: '" + code + "'"));
    }

    /** {@code noc.locale}'s language; anything else stops startup naming the key. */
    public static Language configured(String locale) {
        return of(locale).orElseThrow(() -> new IllegalStateException("noc.locale must be fr or en, not '"
                + locale + "'"));
    }
}
