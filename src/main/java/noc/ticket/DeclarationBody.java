package noc.ticket;

import static noc.api.Limits.AT_MOST;
import static noc.api.Limits.AT_MOST_ITEMS;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import noc.api.FieldReader;
import noc.api.Limits;
import noc.api.StrictBody;

/**
 * A declaration as {@code POST /api/v1/incidents} takes it (PROCEDURE.md P-2.2): every field but the
 * impact is required; sizes are those of the inventory columns the values are matched against.
 */
@Serdeable
public record DeclarationBody(
        @Nullable @NotBlank(message = REQUIRED) @Size(max = Limits.NAME, message = AT_MOST) String customerName,
        @Nullable @NotBlank(message = REQUIRED) @Size(max = 1000, message = AT_MOST) String siteAddress,
        @Nullable @NotEmpty(message = "is required (P-2.2): an array of service references")
        @Size(max = 50, message = AT_MOST_ITEMS)
        List<@NotBlank(message = "must be a non-empty reference")
             @Size(max = Limits.SERVICE_REFERENCE, message = AT_MOST) String> serviceReferences,
        @Nullable @NotBlank(message = REQUIRED) @Size(max = Limits.NAME, message = AT_MOST) String contactName,
        @Nullable @NotBlank(message = REQUIRED) @Pattern(regexp = FieldReader.PHONE, message = Limits.PHONE_NUMBER)
        String contactPhone,
        @Nullable @NotBlank(message = REQUIRED) @Size(max = Limits.NAME, message = AT_MOST)
        @Pattern(regexp = FieldReader.EMAIL, message = Limits.EMAIL_ADDRESS) String contactEmail,
        @Nullable @NotBlank(message = REQUIRED) @Size(max = 1000, message = AT_MOST) String faultyElements,
        @Nullable @NotBlank(message = REQUIRED) @Size(max = 2000, message = AT_MOST) String description,
        @Nullable @Pattern(regexp = "(?i)loss|disruption|degradation|request",
                message = "must be loss, disruption, degradation or request") String impact) implements StrictBody {

    private static final String REQUIRED = "is required (P-2.2)";

    /**
     * The declaration for {@code customer} from a body that passed its constraints, with the checks
     * they cannot make (the impact's name, the journal's room) put in {@code errors}: the API and the
     * portal's form refuse a declaration for the same reasons.
     */
    public Declaration declaration(String customer, String declaredBy, FieldReader errors) {
        Declaration.Impact impact = impact() == null ? Declaration.Impact.DEGRADATION
                : errors.choice(Declaration.Impact.class, impact(), "impact");
        Declaration declaration = new Declaration(customer, siteAddress.strip(),
                serviceReferences.stream().map(String::strip).toList(), contactName.strip(), contactPhone.strip(),
                contactEmail.strip(), faultyElements.strip(), description.strip(),
                impact == null ? Declaration.Impact.DEGRADATION : impact, declaredBy);
        int journaled = declaration.journalText().length();
        if (journaled > Limits.JOURNAL_TEXT) {
            errors.error("description", "with the other fields makes " + journaled
                    + " characters, over the journal's " + Limits.JOURNAL_TEXT + ": shorten it or faultyElements");
        }
        return declaration;
    }
}
