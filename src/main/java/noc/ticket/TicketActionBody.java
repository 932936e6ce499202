package noc.ticket;

import static noc.api.Limits.AT_MOST;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import noc.api.Limits;
import noc.api.StrictBody;

/**
 * The body of a person's action on a ticket; which action needs which field is the controller's.
 *
 * @param text     a comment, a question, a reason: journaled after who acted, so within the journal's
 *                 4,000 characters less room for that (a priority's reason: its 2,000-character column)
 * @param public_  whether a comment is for the customer too (JSON {@code public})
 * @param priority {@code set-priority}: P1 to P5
 * @param reason   {@code wait}: a P-6.1 reason
 * @param customer {@code link-customer}: a customer of the inventory
 * The author is the logged-in caller, never a field: a body with {@code by} is refused as unknown.
 */
@Serdeable
public record TicketActionBody(
        @Nullable @Size(max = TicketActionBody.TEXT, message = AT_MOST) String text,
        @Nullable @JsonProperty("public") Boolean public_,
        @Nullable @Size(max = 64, message = AT_MOST) String priority,
        @Nullable @Size(max = 64, message = AT_MOST) String reason,
        @Nullable @Size(max = Limits.NAME, message = AT_MOST) String customer)
        implements StrictBody {

    /** The longest text: the journal's 4,000 characters less room for the action's words and its author. */
    public static final int TEXT = 3000;
    /** The longest reason for a priority: its column. */
    public static final int PRIORITY_REASON = 2000;
}
