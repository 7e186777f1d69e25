package social.annals.command.oauth;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterAppCommand(
        @TargetAggregateIdentifier String appId,
        String clientId,
        String clientSecretDigest,
        String name,
        String redirectUris,
        List<String> scopes,
        String website) {
}
