package social.annals.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ReadConnectionScopeTest {

    private final DataSource dataSource = mock(DataSource.class);
    private final List<Connection> used = new ArrayList<>();
    private final ReadConnectionScope scope = new ReadConnectionScope(new DataSourceTransactionManager(dataSource));

    ReadConnectionScopeTest() throws Exception {
        when(dataSource.getConnection()).thenAnswer(invocation -> mock(Connection.class));
    }

    /** A request whose handler makes two queries, each taking and releasing a connection as JdbcTemplate does. */
    private void requestWithTwoQueries(String method) throws Exception {
        MockFilterChain chain = new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                for (int query = 0; query < 2; query++) {
                    Connection connection = DataSourceUtils.getConnection(dataSource);
                    used.add(connection);
                    DataSourceUtils.releaseConnection(connection, dataSource);
                }
            }
        });
        scope.doFilter(new MockHttpServletRequest(method, "/api/v1/notifications"), new MockHttpServletResponse(),
                chain);
    }

    @Test
    void aReadMakesAllItsQueriesOnOneConnectionAndGivesItBackWhenAnswered() throws Exception {
        requestWithTwoQueries("GET");

        assertThat(used).hasSize(2);
        assertThat(used.get(0)).isSameAs(used.get(1));
        verify(dataSource, times(1)).getConnection();
        verify(used.get(0)).close();
        assertThat(TransactionSynchronizationManager.hasResource(dataSource)).isFalse();
    }

    @Test
    void aReadBeginsNoTransaction() throws Exception {
        requestWithTwoQueries("GET");

        verify(used.get(0), never()).setAutoCommit(false);
        verify(used.get(0), never()).commit();
    }

    @Test
    void aWriteTakesAConnectionPerQueryAsBefore() throws Exception {
        requestWithTwoQueries("POST");

        assertThat(used.get(0)).isNotSameAs(used.get(1));
        verify(dataSource, times(2)).getConnection();
    }
}
