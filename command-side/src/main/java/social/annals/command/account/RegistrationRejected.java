package social.annals.command.account;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import social.annals.command.DomainRefusal;

/** Registration failed field validation; maps each field (Pleroma's internal names) to messages. */
public class RegistrationRejected extends DomainRefusal {

    private final Map<String, List<String>> fieldErrors;

    public RegistrationRejected(Map<String, List<String>> fieldErrors) {
        super("registration rejected: " + fieldErrors);
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public static RegistrationRejected taken(String field) {
        return new RegistrationRejected(Map.of(field, List.of("has already been taken")));
    }

    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }
}
