package social.annals.events.report;

import java.util.Locale;
import java.util.Optional;

public enum ReportState {
    OPEN, CLOSED, RESOLVED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportState> fromApiName(String name) {
        for (ReportState state : values()) {
            if (state.apiName().equals(name)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
