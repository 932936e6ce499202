package noc.inventory;

/** How much a service matters to its customer: with the impact, it sets a ticket's priority (P-3). */
public enum Criticality {
    HIGH, MEDIUM, LOW
}
