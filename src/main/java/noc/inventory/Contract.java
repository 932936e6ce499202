package noc.inventory;

/** A customer's contract: a managed one ("infogérance") has a project manager told of every ticket (P-1.3). */
public enum Contract {
    STANDARD, MANAGED
}
