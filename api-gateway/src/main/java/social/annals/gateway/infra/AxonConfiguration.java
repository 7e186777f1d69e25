package social.annals.gateway.infra;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import social.annals.command.CommandSideProcessing;
import social.annals.gateway.privacy.CryptoShreddingSerializer;
import social.annals.gateway.privacy.PersonalDataCipher;
import social.annals.query.ReadModelProcessing;

/** Event store, serialisation, processors and the command gateway. */
@Configuration
public class AxonConfiguration {

    /** Groups updated in the command's own transaction: the next request depends on them. */
    static final List<String> SUBSCRIBING_GROUPS = Stream.concat(ReadModelProcessing.SUBSCRIBING.stream(),
            CommandSideProcessing.SUBSCRIBING.stream()).toList();

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Axon's token store as its auto-configuration makes it, but signing claims with this node's
     * name when one is set: processes on one host (or in one JVM) otherwise share a name, and each
     * would take the other's claims for its own.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, TokenStoreProperties properties,
                          @Value("${annals.node-name:}") String nodeName) {
        JdbcTokenStore.Builder builder = JdbcTokenStore.builder().connectionProvider(connections)
                .schema(TokenSchema.builder().build())
                .serializer(serializer).claimTimeout(properties.getClaimTimeout());
        if (!nodeName.isBlank()) {
            builder.nodeId(nodeName);
        }
        return builder.build();
    }

    /** Axon's JDBC storage engine exactly as its auto-configuration makes it (which stands back once an event store is defined). */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver exceptions,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration axon, ConnectionProvider connections,
                                          TransactionManager transactions, ObjectProvider<EventSchema> schema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(exceptions)
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema.getIfAvailable(() -> EventSchema.builder().build()))
                .build();
    }

    /**
     * Axon's event store as its auto-configuration makes it, but looking for events other nodes
     * wrote every {@code annals.event-store.fetch-delay-ms} instead of every second when it has
     * read all there is: that delay is how late another node's post reaches this node's streaming
     * clients and read models (docs/measurements.md). Each look is one indexed query.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon,
                                  @Value("${annals.event-store.fetch-delay-ms:100}") long fetchDelayMs,
                                  @Value("${annals.background.nice:0}") int backgroundNice) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                // Its reader feeds the event processors only: as background as they are.
                .threadFactory(BackgroundThreads.named("EmbeddedEventStore", backgroundNice))
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelayMs)
                .build();
    }

    /** PostgreSQL reports a duplicate (aggregate, sequence) as 23505; Axon must see a ConcurrencyException. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(PersonalDataCipher cipher) {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return new CryptoShreddingSerializer(JacksonSerializer.builder().objectMapper(mapper).build(), cipher);
    }

    /**
     * Axon's default query bus wraps every query in a transaction; ours are single reads of read
     * models, and the commit would cost each of them another round trip to the database.
     */
    @Bean
    SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .transactionManager(NoTransactionManager.INSTANCE)
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    /** Conflicting appends to one aggregate are retried a few times before the caller sees a 409. */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConflictRetryScheduler(
                        Executors.newSingleThreadScheduledExecutor(runnable -> {
                            Thread thread = new Thread(runnable, "command-retry");
                            thread.setDaemon(true);
                            return thread;
                        }), 20, 3))
                .build();
    }

    static final int BULK_BATCH_SIZE = 1000;

    private static TrackingEventProcessorConfiguration tracking(Roles roles, int threads, int segments, int batchSize,
                                                                int nice) {
        return TrackingEventProcessorConfiguration.forParallelProcessing(threads)
                .andThreadFactory(processorThreads(nice))
                .andInitialSegmentsCount(segments)
                .andBatchSize(batchSize)
                // Claim free segments within a second: faster takeover and restart after a rebuild.
                .andTokenClaimInterval(1, TimeUnit.SECONDS)
                .andAutoStart(roles.projector());
    }

    /** No request waits on a tracking processor: its threads give way to the requests' (BackgroundThreads). */
    private static Function<String, ThreadFactory> processorThreads(int nice) {
        return processor -> BackgroundThreads.named("EventProcessor[" + processor + "]", nice);
    }

    @Bean
    ConfigurerModule eventProcessors(Roles roles,
                                     @Value("${annals.processors.segments:1}") int segments,
                                     @Value("${annals.processors.threads-per-node:1}") int threads,
                                     @Value("${annals.processors.batch-size:100}") int batchSize,
                                     @Value("${annals.background.nice:0}") int nice) {
        return configurer -> configurer.eventProcessing(processing -> {
            processing.registerTrackingEventProcessorConfiguration(c -> tracking(roles, threads, segments, batchSize, nice));
            for (String group : ReadModelProcessing.BULK) {
                processing.registerTrackingEventProcessorConfiguration(group,
                        c -> tracking(roles, threads, segments, Math.max(batchSize, BULK_BATCH_SIZE), nice));
            }
            // A failing handler must never skip its event: the processor rolls back and retries.
            processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            // One import or deletion batch (a few hundred commands) per transaction, so locks are held briefly.
            for (String process : CommandSideProcessing.ONE_EVENT_PER_TRANSACTION) {
                processing.registerTrackingEventProcessorConfiguration(process, c ->
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andThreadFactory(processorThreads(nice))
                                .andBatchSize(1)
                                .andTokenClaimInterval(1, TimeUnit.SECONDS)
                                .andAutoStart(roles.projector()));
            }
            ReadModelProcessing.SEQUENCING.forEach((group, policy) -> processing.registerSequencingPolicy(group,
                    c -> policy));
            for (String group : SUBSCRIBING_GROUPS) {
                processing.registerSubscribingEventProcessor(group);
                processing.registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance());
            }
        });
    }
}
