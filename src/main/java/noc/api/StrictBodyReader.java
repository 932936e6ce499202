package noc.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

/**
 * Reads a {@link StrictBody} from JSON: the body must be there, be JSON, be an object, and have
 * the record's shape ({@link FieldReader#shape}) before it is bound; every problem is a 400 naming
 * its field. The constraints are then checked by {@code @Valid}.
 */
@Singleton
@Consumes(MediaType.APPLICATION_JSON)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StrictBodyReader<T> implements MessageBodyReader<T>, Ordered {

    private final JsonMapper json;

    public StrictBodyReader(JsonMapper json) {
        this.json = json;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        return StrictBody.class.isAssignableFrom(type.getType());
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, ByteBuffer<?> body) {
        return read(type, body.toByteArray());
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, InputStream body) {
        try {
            return read(type, body.readAllBytes());
        } catch (IOException e) {
            throw new CodecException("The body could not be read", e);
        }
    }

    private T read(Argument<T> type, byte[] bytes) {
        return readStrict(type, bytes);
    }

    /** {@code bytes} read as {@code type}, as a request body of that type is: a 400 problem naming each wrong field. */
    public <B> B readStrict(Argument<B> type, byte[] bytes) {
        JsonNode tree = tree(bytes);
        FieldReader fields = new FieldReader();
        fields.shape(tree, type, "");
        fields.refuseIfInvalid("nothing was done");
        try {
            return json.readValueFromTree(tree, type);
        } catch (IOException | RuntimeException e) {
            // The shape is checked above, so this is a value the binder still refuses (a record's own check).
            throw ProblemException.badRequest("The body could not be read as " + type.getSimpleName(), List.of());
        }
    }

    private JsonNode tree(byte[] bytes) {
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw ProblemException.badRequest("The body is required: a JSON object",
                    List.of(new Problem.FieldError("", "is required: a JSON object")));
        }
        JsonNode tree;
        try {
            tree = json.readValue(bytes, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw ProblemException.badRequest("The body is not valid JSON",
                    List.of(new Problem.FieldError("", "is not valid JSON")));
        }
        if (tree == null || tree.isNull()) {
            throw ProblemException.badRequest("The body must be a JSON object, not null",
                    List.of(new Problem.FieldError("", "must be a JSON object, not null")));
        }
        return tree;
    }
}
