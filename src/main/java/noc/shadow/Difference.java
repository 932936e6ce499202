package noc.shadow;

import java.time.Instant;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One decision the live and the candidate rules took differently on the same input.
 *
 * @param input     the input's number in the run, from 1; 0 for what the clock alone decided
 * @param at        the time of the live cycle that committed the input
 * @param cause     the input in words ({@code IF-MIB::linkDown from 192.0.2.1 ifIndex.3}), or {@code the clock}
 * @param subject   what the decision is about: {@code alarm <reduction key>} or {@code ticket of <group key>}
 * @param decision  which decision differs
 * @param live      what the live rules decided
 * @param candidate what the candidate rules decided
 */
@Serdeable
public record Difference(long input, Instant at, String cause, String subject, DecisionKind decision, Decision live,
                         Decision candidate) {
}
