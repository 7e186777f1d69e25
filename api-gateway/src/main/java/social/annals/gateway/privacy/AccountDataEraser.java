package social.annals.gateway.privacy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.command.secrets.PersonalDataEraser;

/** A deleted account's key goes, and so do its uploaded files, in the caller's transaction. */
@Component
public class AccountDataEraser implements PersonalDataEraser {

    private final PersonalDataKeys keys;
    private final JdbcTemplate jdbc;

    public AccountDataEraser(PersonalDataKeys keys, JdbcTemplate jdbc) {
        this.keys = keys;
        this.jdbc = jdbc;
    }

    @Override
    public void erase(String subjectId) {
        keys.destroy(subjectId);
        jdbc.update("DELETE FROM media_file WHERE owner_id = ?", subjectId);
    }
}
