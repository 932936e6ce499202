package noc.api;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 7807 problem body ({@code application/problem+json}).
 *
 * @param errors one entry per invalid field, when the problem is invalid input
 */
@Serdeable
public record Problem(String type, String title, int status, String detail, @Nullable String instance,
                      @Nullable List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: where it is ({@code alerts[0].labels}) and what is wrong with it. */
    @Serdeable
    public record FieldError(String field, String message) {
    }
}
