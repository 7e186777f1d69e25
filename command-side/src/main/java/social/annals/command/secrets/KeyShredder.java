package social.annals.command.secrets;

/** Destroys the key that protects a data subject's personal data in the event store (crypto-shredding). */
public interface KeyShredder {

    void destroy(String subjectId);
}
