package social.annals.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.filter.OrderedFormContentFilter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * Spring's form parsing for PUT, PATCH and DELETE bodies, where a broken percent-encoding
 * ({@code a=%}) is the client's mistake: a 400 in JSON, as for a POST, not a failure of the server.
 */
@Component
public class FormBodyFilter extends OrderedFormContentFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean[] reachedChain = {false};
        try {
            super.doFilterInternal(request, response, (req, res) -> {
                reachedChain[0] = true;
                chain.doFilter(req, res);
            });
        } catch (HttpMessageNotReadableException | IllegalArgumentException malformed) {
            // Only the parse is answered here; what the rest of the chain throws is not this filter's.
            if (reachedChain[0]) {
                throw malformed;
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"error\":\"Malformed request body\"}");
        }
    }
}
