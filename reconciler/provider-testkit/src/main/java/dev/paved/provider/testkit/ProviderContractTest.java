package dev.paved.provider.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.paved.provider.Creator;
import dev.paved.provider.Deleter;
import dev.paved.provider.DesiredResource;
import dev.paved.provider.LiveResource;
import dev.paved.provider.Outcome;
import dev.paved.provider.Provider;
import dev.paved.provider.ProviderException;
import dev.paved.provider.ProviderSettings;
import dev.paved.provider.ProviderType;
import dev.paved.provider.ResourceKey;
import dev.paved.provider.ResourceType;
import dev.paved.provider.Updater;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every provider passes, built-in or third-party: extend this class in the provider's tests and
 * supply a provider type, settings for an empty target and sample resources. The key test is convergence:
 * after an apply, observing gives back exactly the normalised desired state, so a new plan shows no changes.
 */
public abstract class ProviderContractTest {

    /** The environment samples live in. */
    protected static final String ENVIRONMENT = "contract";

    @TempDir
    protected Path scratch;

    protected Provider provider;

    /** The provider type under test, as ServiceLoader would find it. */
    protected abstract ProviderType providerType();

    /** Settings of an instance whose target is empty, e.g. a fresh directory or database. */
    protected abstract ProviderSettings settings(Path scratch);

    /** At least one valid desired resource per resource type the provider handles, in {@link #ENVIRONMENT}. */
    protected abstract List<DesiredResource> samples();

    /** A valid change of {@code sample} that the provider can apply in place (an update, not a replacement). */
    protected abstract DesiredResource changed(DesiredResource sample);

    /** Creates, behind Paved's back and without its ownership mark, a resource with this key. */
    protected abstract void plantUnowned(ResourceKey key) throws Exception;

    /** Whether the resource planted by {@link #plantUnowned} is still there, unchanged. */
    protected abstract boolean unownedIntact(ResourceKey key) throws Exception;

    /** Secret values the settings contain; none may appear in any rendering or message. */
    protected Set<String> secretValues() {
        return Set.of();
    }

    @BeforeEach
    void openProvider() {
        provider = providerType().open(settings(scratch));
    }

    @AfterEach
    void closeProvider() {
        provider.close();
    }

    @Test
    void isDiscoveredThroughServiceLoaderUnderAUniqueId() {
        List<String> ids = ServiceLoader.load(ProviderType.class).stream().map(p -> p.get().id()).toList();

        assertThat(ids).contains(providerType().id());
        assertThat(new HashSet<>(ids)).as("provider ids on the class path are unique").hasSize(ids.size());
    }

    @Test
    void parameterSchemasCompile() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        assertThat(providerType().resourceTypes()).isNotEmpty();
        for (ResourceType type : providerType().resourceTypes()) {
            assertThat(type.paramsSchema().path("type").asString("")).as(type.name()).isEqualTo("object");
            registry.getSchema(type.paramsSchema()).initializeValidators();
        }
    }

    @Test
    void observingAnEmptyTargetFindsNothing() {
        assertThat(observed()).isEmpty();
    }

    @Test
    void createThenObserveShowsNoChanges() {
        for (DesiredResource sample : samples()) {
            assertThat(ok(creator().create(sample)).key()).isEqualTo(sample.key());
        }
        assertConverged(samples());
    }

    @Test
    void createIsIdempotent() {
        for (DesiredResource sample : samples()) {
            ok(creator().create(sample));
            ok(creator().create(sample));
        }
        assertThat(observed()).hasSize(samples().size());
        assertConverged(samples());
    }

    @Test
    void updateThenObserveShowsNoChanges() {
        samples().forEach(sample -> ok(creator().create(sample)));
        List<DesiredResource> changed = samples().stream().map(this::changed).toList();
        for (DesiredResource desired : changed) {
            assertThat(provider.normalize(desired)).as("the change changes something")
                    .isNotEqualTo(live(desired.key()).properties());
            ok(updater().update(desired, live(desired.key())));
        }
        assertConverged(changed);
    }

    @Test
    void deleteIsIdempotent() {
        samples().forEach(sample -> ok(creator().create(sample)));
        for (LiveResource live : observed()) {
            assertThat(ok(deleter().delete(live))).isEqualTo(live.key());
            assertThat(ok(deleter().delete(live))).isEqualTo(live.key());
        }
        assertThat(observed()).isEmpty();
    }

    @Test
    void resourcesPavedDoesNotOwnAreNeverSeenOrTouched() throws Exception {
        DesiredResource sample = samples().get(0);
        plantUnowned(sample.key());

        assertThat(observed()).as("unowned resources are invisible").isEmpty();
        assertThat(creator().create(sample)).as("create must not take over an unowned resource")
                .isInstanceOf(Outcome.Failed.class);
        LiveResource impostor = new LiveResource(sample.key(), "Service/impostor", provider.normalize(sample),
                java.util.Map.of());
        deleter().delete(impostor);
        assertThat(unownedIntact(sample.key())).as("the unowned resource is untouched").isTrue();
    }

    @Test
    void normalisingIsIdempotent() {
        for (DesiredResource sample : samples()) {
            var once = provider.normalize(sample);
            var twice = provider.normalize(new DesiredResource(sample.key(), sample.owner(), once, sample.secret()));
            assertThat(twice).as(sample.key().toString()).isEqualTo(once);
        }
    }

    @Test
    void secretsNeverAppearInRenderingsOrMessages() {
        StringBuilder everything = new StringBuilder(provider.toString()).append(settings(scratch));
        samples().forEach(sample -> everything.append(creator().create(sample)));
        everything.append(provider.observe(ENVIRONMENT));
        everything.append(creator().create(new DesiredResource(new ResourceKey(ENVIRONMENT, "no-such-type",
                "x"), "Service/x", samples().get(0).properties(), Set.of())));
        for (String secret : secretValues()) {
            assertThat(everything.toString()).doesNotContain(secret);
        }
    }

    @Test
    void callsAfterCloseFailFast() {
        provider.close();

        long started = System.nanoTime();
        assertThatThrownBy(() -> provider.observe(ENVIRONMENT)).isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> creator().create(samples().get(0))).isInstanceOf(ProviderException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("fails fast, without a timeout")
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void observingChangesNothing() {
        samples().forEach(sample -> ok(creator().create(sample)));
        List<LiveResource> first = observed();

        assertThat(observed()).isEqualTo(first);
    }

    @Test
    void observingSomeKeysReportsExactlyWhatObservingAllReportsOfThem() {
        samples().forEach(sample -> ok(creator().create(sample)));
        List<LiveResource> all = observed();
        ResourceKey first = samples().get(0).key();
        ResourceKey absent = new ResourceKey(ENVIRONMENT, first.type(), first.name() + "-absent");
        ResourceKey elsewhere = new ResourceKey(ENVIRONMENT + "-other", first.type(), first.name());

        List<LiveResource> some = ok(provider.observe(ENVIRONMENT, Set.of(first, absent, elsewhere)));

        assertThat(some).containsExactlyElementsOf(all.stream().filter(live -> live.key().equals(first)).toList());
        assertThat(ok(provider.observe(ENVIRONMENT, Set.of()))).isEmpty();
    }

    // helpers for subclasses and the tests above

    protected List<LiveResource> observed() {
        return ok(provider.observe(ENVIRONMENT));
    }

    protected LiveResource live(ResourceKey key) {
        return observed().stream().filter(l -> l.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError(key + " is not observed"));
    }

    protected void assertConverged(List<DesiredResource> desired) {
        for (DesiredResource resource : desired) {
            assertThat(live(resource.key()).properties()).as("observed %s equals normalised desired", resource.key())
                    .isEqualTo(provider.normalize(resource));
        }
    }

    protected static <T> T ok(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Failed<T> failed) {
            throw new AssertionError("provider call failed: " + failed.error());
        }
        return ((Outcome.Ok<T>) outcome).value();
    }

    protected Creator creator() {
        assertThat(provider).as("provider creates resources").isInstanceOf(Creator.class);
        return (Creator) provider;
    }

    protected Updater updater() {
        assertThat(provider).as("provider updates resources").isInstanceOf(Updater.class);
        return (Updater) provider;
    }

    protected Deleter deleter() {
        assertThat(provider).as("provider deletes resources").isInstanceOf(Deleter.class);
        return (Deleter) provider;
    }
}
