package noc.ingest.snmp;

/** A PDU that is not a usable notification; the reason becomes a drop counter label. */
final class MalformedTrapException extends Exception {

    MalformedTrapException(String message) {
        super(message, null, false, false);
    }
}
