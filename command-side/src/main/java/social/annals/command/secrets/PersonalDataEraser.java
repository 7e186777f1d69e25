package social.annals.command.secrets;

/**
 * Erases what is personal of a data subject and kept outside the event log: destroys the key that
 * protects its personal data in events (crypto-shredding) and removes its uploaded files.
 */
public interface PersonalDataEraser {

    void erase(String subjectId);
}
