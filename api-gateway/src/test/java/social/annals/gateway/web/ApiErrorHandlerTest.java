package social.annals.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class ApiErrorHandlerTest {

    private final ApiErrorHandler handler = new ApiErrorHandler(new ObjectMapper());

    @Test
    void aRaceStillLostAfterEveryRetryIsAConflictNotAServerError() {
        ResponseEntity<Object> answer = handler.handle(
                new CommandExecutionException("lost", new AggregateStreamCreationException("created elsewhere")));
        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    }
}
