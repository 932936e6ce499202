package noc.ticket;

/** Why a ticket waits on the customer (PROCEDURE.md P-6.1); its clock stops meanwhile (P-6.2). */
public enum WaitReason {
    CUSTOMER_TEST_TIME, CUSTOMER_UNREACHABLE, ASSISTING_CUSTOMER_TESTS
}
