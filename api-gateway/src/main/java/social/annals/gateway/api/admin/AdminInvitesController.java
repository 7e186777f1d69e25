package social.annals.gateway.api.admin;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import social.annals.command.ids.NumericIdGenerator;
import social.annals.command.invite.InviteCommands;
import social.annals.gateway.api.Queries;
import social.annals.gateway.api.admin.entity.Invite;
import social.annals.gateway.api.admin.entity.Invites;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Params;
import social.annals.query.invite.InviteQueries;

/** Registration invites (Pleroma 1.1 paths and the seed paths); as in Pleroma, not moderation-logged. */
@RestController
public class AdminInvitesController {

    private final Commands commands;
    private final Queries queries;
    private final NumericIdGenerator ids;
    private final InviteTokens tokens;
    private final Moderators moderators;

    public AdminInvitesController(Commands commands, Queries queries, NumericIdGenerator ids,
                                  InviteTokens tokens, Moderators moderators) {
        this.commands = commands;
        this.queries = queries;
        this.ids = ids;
        this.tokens = tokens;
        this.moderators = moderators;
    }

    /** {@code invite[max_use]} and {@code invite[expires_at]} (YYYY-MM-DD), flat or as a JSON object. */
    @RequestMapping(path = {"/api/pleroma/admin/users/invite_token", "/api/pleroma/admin/invite_token"},
            method = {RequestMethod.GET, RequestMethod.POST})
    @Auth(Auth.Level.ADMIN)
    public TextNode create(Params params, ApiPrincipal caller) {
        Object nested = params.raw("invite");
        Params invite = nested instanceof Map<?, ?> map ? Params.of(stringKeys(map)) : params;
        String maxUseText = invite.stringOrNull(nested == null ? "invite[max_use]" : "max_use");
        String expiresText = invite.stringOrNull(nested == null ? "invite[expires_at]" : "expires_at");
        Integer maxUse;
        LocalDate expiresOn;
        try {
            maxUse = maxUseText == null || maxUseText.isBlank() ? null : Integer.valueOf(maxUseText.trim());
            expiresOn = expiresText == null || expiresText.isBlank() ? null : LocalDate.parse(expiresText.trim());
        } catch (NumberFormatException | DateTimeParseException e) {
            throw ApiException.bare(HttpStatus.BAD_REQUEST, "Invalid parameters");
        }
        if (maxUse != null && maxUse < 1) {
            throw ApiException.bare(HttpStatus.BAD_REQUEST, "Invalid parameters");
        }
        long inviteId = ids.next();
        String token = tokens.tokenOf(inviteId);
        commands.sendAndWait(new InviteCommands.Create(inviteId, InviteTokens.digestOf(token), maxUse, expiresOn,
                moderators.of(caller).nickname()));
        return TextNode.valueOf(token);
    }

    @GetMapping({"/api/pleroma/admin/users/invites", "/api/pleroma/admin/invites"})
    @Auth(Auth.Level.ADMIN)
    public Invites list() {
        return new Invites(queries.many(new InviteQueries.All(), InviteQueries.Invite.class).stream()
                .map(this::render).toList());
    }

    @PostMapping({"/api/pleroma/admin/users/revoke_invite", "/api/pleroma/admin/revoke_invite"})
    @Auth(Auth.Level.ADMIN)
    public Invite revoke(Params params, ApiPrincipal caller) {
        String token = params.string("token").orElse("");
        InviteQueries.Invite invite = queries.one(new InviteQueries.ByTokenDigest(InviteTokens.digestOf(token)),
                InviteQueries.Invite.class);
        if (invite == null) {
            throw ApiException.bare(HttpStatus.NOT_FOUND, "Not found");
        }
        commands.sendAndWait(new InviteCommands.Revoke(invite.inviteId(), moderators.of(caller).nickname()));
        return render(queries.one(new InviteQueries.ByTokenDigest(InviteTokens.digestOf(token)),
                InviteQueries.Invite.class));
    }

    /** This server sends no e-mail; Pleroma refuses too when mail is not set up. */
    @PostMapping({"/api/pleroma/admin/users/email_invite", "/api/pleroma/admin/email_invite"})
    @Auth(Auth.Level.ADMIN)
    public Map<String, Object> emailInvite() {
        throw ApiException.bare(HttpStatus.BAD_REQUEST, "Sending e-mail is not configured on this instance");
    }

    private Invite render(InviteQueries.Invite invite) {
        return new Invite(invite.inviteId(), tokens.tokenOf(invite.inviteId()), invite.used(),
                invite.expiresOn() == null ? null : invite.expiresOn().toString(), invite.uses(), invite.maxUse(),
                invite.type());
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((key, value) -> out.put(String.valueOf(key), value));
        return out;
    }
}
