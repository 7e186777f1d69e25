package social.annals.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A read request (GET or HEAD) makes its token lookup and all its queries on one pooled
 * connection, taken at its first query and given back when it is answered. Borrowing one per
 * query cost a page of notifications eight borrows (docs/measurements.md). No transaction is
 * begun: each statement still commits on its own, as it would without this scope.
 */
public class ReadConnectionScope extends OncePerRequestFilter {

    private final TransactionTemplate scope;

    public ReadConnectionScope(PlatformTransactionManager transactionManager) {
        this.scope = new TransactionTemplate(transactionManager);
        this.scope.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !"GET".equals(method) && !"HEAD".equals(method);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            scope.executeWithoutResult(status -> {
                try {
                    chain.doFilter(request, response);
                } catch (IOException | ServletException e) {
                    throw new Checked(e);
                }
            });
        } catch (Checked wrapped) {
            if (wrapped.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) wrapped.getCause();
        }
    }

    /** Carries a checked exception of the filter chain through the template's callback. */
    private static final class Checked extends RuntimeException {
        Checked(Exception cause) {
            super(cause);
        }
    }
}
