package social.annals.command.federation;

import java.util.Optional;

/**
 * Finds an account of another server by {@code nick@host} or its actor URL and makes it known
 * here (a {@link RemoteAccountCommands.Discover} on the caller's transaction). It needs the
 * network, so the application provides it; a process that has none treats remote entries as
 * unknown.
 */
public interface RemoteAccountDirectory {

    /** The account's id here, or empty when its server does not know it or does not answer. */
    Optional<String> accountIdOf(String acctOrActorUri);
}
