package social.annals.command.oauth;

import java.time.Duration;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record IssueAuthorizationCodeCommand(
        @TargetAggregateIdentifier String codeId,
        String appId,
        String accountId,
        String codeDigest,
        List<String> scopes,
        String redirectUri,
        Duration lifetime) {
}
