package social.annals.gateway.api.admin;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import social.annals.command.account.AccountCommands;
import social.annals.command.account.RegistrationRejected;
import social.annals.command.ids.FlakeIdGenerator;
import social.annals.command.moderation.ModerationActionCommands;
import social.annals.events.moderation.AccountRef;
import social.annals.events.moderation.Moderator;
import social.annals.gateway.api.admin.entity.UserCreation;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.render.TextFormatter;
import social.annals.gateway.web.ApiErrorHandler;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Params;

/**
 * Accounts created by an admin: confirmed at once, display name = nickname, bio ".", the same
 * validation as registration but no captcha or invite. All of one request, and the record of who
 * created them, commit in one transaction or not at all.
 */
@Component
public class AdminAccountCreation {

    private record Requested(String nickname, String email, String password) {
    }

    private static final String BIO = ".";

    private final Commands commands;
    private final FlakeIdGenerator ids;
    private final TextFormatter formatter;

    public AdminAccountCreation(Commands commands, FlakeIdGenerator ids, TextFormatter formatter) {
        this.commands = commands;
        this.ids = ids;
        this.formatter = formatter;
    }

    ResponseEntity<Object> create(Params params, Moderator by) {
        boolean single = !params.has("users");
        List<Requested> requested = single
                ? List.of(new Requested(params.stringOrNull("nickname"), params.stringOrNull("email"),
                        params.stringOrNull("password")))
                : requestedUsers(params.raw("users"));
        String actionId = ids.next();
        List<String> accountIds = new ArrayList<>();
        int[] failedAt = {-1};
        String[] failure = {""};
        try {
            commands.inOneTransaction(commands -> {
                accountIds.clear();
                List<AccountRef> created = new ArrayList<>();
                for (int i = 0; i < requested.size(); i++) {
                    Requested user = requested.get(i);
                    String accountId = ids.next();
                    try {
                        commands.sendAndWait(new AccountCommands.Register(accountId, user.nickname(), user.email(),
                                user.nickname(), BIO, formatter.toHtml(BIO), user.password(), user.password(), false));
                    } catch (RuntimeException e) {
                        if (ApiErrorHandler.unwrap(e) instanceof RegistrationRejected rejected) {
                            failedAt[0] = i;
                            failure[0] = firstError(rejected.fieldErrors());
                        }
                        throw e;
                    }
                    accountIds.add(accountId);
                    created.add(new AccountRef(accountId, user.nickname()));
                }
                commands.sendAndWait(new ModerationActionCommands.RecordCreation(actionId, created, by));
            });
        } catch (RuntimeException e) {
            if (failedAt[0] < 0) {
                throw e;
            }
            List<UserCreation> errors = new ArrayList<>();
            for (int i = 0; i < requested.size(); i++) {
                errors.add(new UserCreation("error", 409, i == failedAt[0] ? failure[0] : "", data(requested.get(i))));
            }
            return ResponseEntity.status(HttpStatus.CONFLICT).body(errors);
        }
        if (single) {
            return ResponseEntity.ok(TextNode.valueOf(requested.get(0).nickname()));
        }
        return ResponseEntity.ok(requested.stream().map(user -> new UserCreation("success", 200, null, data(user)))
                .toList());
    }

    private static List<Requested> requestedUsers(Object raw) {
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            throw ApiException.bare(HttpStatus.BAD_REQUEST, "Invalid parameters");
        }
        List<Requested> users = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof Map<?, ?> user)) {
                throw ApiException.bare(HttpStatus.BAD_REQUEST, "Invalid parameters");
            }
            users.add(new Requested(text(user.get("nickname")), text(user.get("email")), text(user.get("password"))));
        }
        return users;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static UserCreation.User data(Requested user) {
        return new UserCreation.User(user.nickname(), user.email());
    }

    /** Pleroma reports the first failing field, in this order. */
    private static String firstError(Map<String, List<String>> errors) {
        for (String field : List.of("nickname", "email", "password")) {
            List<String> messages = errors.get(field);
            if (messages != null && !messages.isEmpty()) {
                return field + " " + messages.get(0);
            }
        }
        return errors.entrySet().stream().findFirst()
                .map(entry -> entry.getKey() + " " + entry.getValue().get(0)).orElse("");
    }
}
