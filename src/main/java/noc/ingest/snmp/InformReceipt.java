package noc.ingest.snmp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.smi.Address;

import noc.engine.Receipt;

/**
 * Answers an inform once its alarm is committed, so that the sender keeps retrying until the
 * correlator really has it. Not answering on failure has the same effect.
 */
final class InformReceipt<A extends Address> implements Receipt {

    private static final Logger LOG = LoggerFactory.getLogger(InformReceipt.class);

    private final CommandResponderEvent<A> event;
    private final Runnable onCommitted;
    private final java.util.function.Consumer<Exception> onFailed;

    /**
     * @param onCommitted told once the inform's alarm is committed, before the answer; may be null
     * @param onFailed    told why it could not be committed, so that a resend is taken; may be null
     */
    InformReceipt(CommandResponderEvent<A> event, Runnable onCommitted, java.util.function.Consumer<Exception> onFailed) {
        this.event = event;
        this.onCommitted = onCommitted;
        this.onFailed = onFailed;
    }

    @Override
    public void committed() {
        if (onCommitted != null) {
            onCommitted.run();
        }
        PDU response = (PDU) event.getPDU().clone();
        response.setType(PDU.RESPONSE);
        response.setErrorStatus(PDU.noError);
        response.setErrorIndex(0);
        try {
            event.getMessageDispatcher().returnResponsePdu(event.getMessageProcessingModel(),
                    event.getSecurityModel(), event.getSecurityName(), event.getSecurityLevel(), response,
                    event.getMaxSizeResponsePDU(), event.getStateReference(), new StatusInformation());
        } catch (MessageException e) {
            LOG.warn("Could not answer an inform from {}: {}", event.getPeerAddress(), e.getMessage());
        }
    }

    @Override
    public void failed(Exception cause) {
        // No answer: the sender retries, and the retry is taken as new.
        if (onFailed != null) {
            onFailed.accept(cause);
        }
    }
}
