package social.annals.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/** A multipart GET is not parsed either: its body has no meaning, and reading it would cost up to the upload limit. */
@Component("multipartResolver")
public class BodylessGetMultipartResolver extends StandardServletMultipartResolver {

    @Override
    public boolean isMultipart(HttpServletRequest request) {
        return ParamsResolver.hasMeaningfulBody(request) && super.isMultipart(request);
    }
}
