package noc.console;

import java.util.Map;

/**
 * The model of the {@code missing} page (404): a reference that names nothing, said with the text
 * {@code missingText} (a message key taking the reference), and a link back to its list.
 */
final class Missing {

    private Missing() {
    }

    /** {@code model} (which has the reference) with the page's text key and the list to go back to. */
    static Map<String, Object> model(Map<String, Object> model, String missingText, String back, String backLabel) {
        model.put("missingText", missingText);
        model.put("back", back);
        model.put("backLabel", backLabel);
        return model;
    }
}
