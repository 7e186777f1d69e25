package social.annals.command.oauth;

import social.annals.command.DomainRefusal;

public class AppRejected extends DomainRefusal {

    public AppRejected(String message) {
        super(message);
    }
}
