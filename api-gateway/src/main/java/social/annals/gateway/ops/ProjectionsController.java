package social.annals.gateway.ops;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.command.ids.FlakeIdGenerator;
import social.annals.command.moderation.ModerationActionCommands;
import social.annals.gateway.api.admin.Moderators;
import social.annals.gateway.api.admin.entity.ReadModelProgress;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Params;

/** The read models, where each stands, and their rebuild from the event log (recorded in the moderation log). */
@RestController
public class ProjectionsController {

    private final ReadModelRebuilder rebuilder;
    private final ProjectionMonitor monitor;
    private final CommandGateway commands;
    private final FlakeIdGenerator ids;
    private final Moderators moderators;

    public ProjectionsController(ReadModelRebuilder rebuilder, ProjectionMonitor monitor, CommandGateway commands,
                                 FlakeIdGenerator ids, Moderators moderators) {
        this.rebuilder = rebuilder;
        this.monitor = monitor;
        this.commands = commands;
        this.ids = ids;
        this.moderators = moderators;
    }

    @GetMapping("/api/pleroma/admin/projections")
    @Auth(Auth.Level.ADMIN)
    public List<ReadModelProgress> list() {
        return monitor.states().stream().map(ProjectionsController::render).toList();
    }

    /** {@code name}: one read model; without it, all of them. */
    @PostMapping("/api/pleroma/admin/projections/rebuild")
    @Auth(Auth.Level.ADMIN)
    public ResponseEntity<List<ReadModelProgress>> rebuild(Params params, ApiPrincipal caller) {
        List<String> names = params.raw("name") == null ? rebuilder.groups() : List.of(readModel(params.raw("name")));
        try {
            // Recorded as it starts (a refused rebuild is not one); the rebuilt moderation log still
            // contains it, since the processor reads on from where the replay ends, up to the head.
            rebuilder.start(names, () -> commands.sendAndWait(
                    new ModerationActionCommands.RecordRebuild(ids.next(), names, moderators.of(caller))));
        } catch (ReadModelRebuilder.RebuildRefused e) {
            throw ApiException.error(HttpStatus.CONFLICT, e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(monitor.states(names).stream().map(ProjectionsController::render).toList());
    }

    /** Exactly one read model's name: an empty or malformed one is not taken for "all of them". */
    private String readModel(Object value) {
        Object name = value instanceof List<?> list && list.size() == 1 ? list.get(0) : value; // a form's one value
        if (!(name instanceof String text) || !rebuilder.groups().contains(text)) {
            throw ApiException.error(HttpStatus.NOT_FOUND, "No read model named " + name);
        }
        return text;
    }

    static ReadModelProgress render(ProjectionState state) {
        ReadModelProgress.Rebuild rebuild = !state.rebuilding() ? null : new ReadModelProgress.Rebuild(state.progress(),
                state.eventsPerSecond() == null ? null : Math.round(state.eventsPerSecond()), state.etaSeconds());
        return new ReadModelProgress(state.name(), state.position(), state.head(), state.lag(), state.state(), rebuild);
    }
}
