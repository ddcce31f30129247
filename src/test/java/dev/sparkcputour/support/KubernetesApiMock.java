package dev.sparkcputour.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Kubernetes API server for submission tests: fabric8's mock in CRUD mode on 127.0.0.1, with
 * the two things a real one does that spark-submit needs and the mock lacks. Server-side apply
 * (a PATCH with {@code fieldManager} and {@code force}, which Spark uses for the driver's service
 * and config map) creates or replaces the object, and a new pod starts Pending with a start time,
 * as the scheduler would leave it. Nothing runs a pod: the test moves the phases itself.
 */
public final class KubernetesApiMock implements AutoCloseable {

    /** The mock logs every request at INFO; kept here, since java.util.logging holds loggers weakly. */
    private static final Logger REQUEST_LOG = Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");

    static {
        REQUEST_LOG.setLevel(Level.WARNING);
    }

    private final ApplyingDispatcher dispatcher = new ApplyingDispatcher();
    private final KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()),
            new MockWebServer(), new HashMap<>(), dispatcher, false);

    /** Starts the server on a free port of 127.0.0.1, and nowhere else. */
    public KubernetesApiMock() throws UnknownHostException {
        server.init(InetAddress.getByName("127.0.0.1"), 0);
    }

    public int port() {
        return server.getPort();
    }

    /** The master URL spark-submit takes: plain HTTP, no credentials. */
    public String master() {
        return "k8s://http://127.0.0.1:" + port();
    }

    /** A client of this server, for the test's own reads and its kubelet's status updates. */
    public KubernetesClient client() {
        return server.createClient();
    }

    /** Every request so far, as "METHOD path", in order. */
    public List<String> requests() {
        return List.copyOf(dispatcher.requests);
    }

    @Override
    public void close() {
        server.destroy();
    }

    private static final class ApplyingDispatcher extends KubernetesCrudDispatcher {

        private final List<String> requests = new CopyOnWriteArrayList<>();

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            requests.add(request.getMethod() + " " + request.getPath());
            return super.dispatch(request);
        }

        @Override
        public MockResponse handlePatch(RecordedRequest request) {
            String path = request.getPath();
            if (!path.contains("fieldManager=") || !path.contains("force=true")) {
                return super.handlePatch(request);
            }
            // an apply body may be YAML or JSON; the CRUD handlers take JSON
            String body = Serialization.asJson(Serialization.unmarshal(request.getUtf8Body(),
                    GenericKubernetesResource.class));
            String object = path.substring(0, path.indexOf('?'));
            if (findResource(getKey(object)) != null) {
                return handleUpdate(jsonRequest(HttpMethod.PUT, object, body));
            }
            return handleCreate(jsonRequest(HttpMethod.POST, object.substring(0, object.lastIndexOf('/')), body));
        }

        @Override
        public MockResponse handleCreate(RecordedRequest request) {
            String path = request.getPath();
            if (!path.replaceFirst("\\?.*", "").endsWith("/pods")) {
                return super.handleCreate(request);
            }
            ObjectNode pod = (ObjectNode) Serialization.jsonMapper().valueToTree(
                    Serialization.unmarshal(request.getUtf8Body(), GenericKubernetesResource.class));
            ObjectNode status = pod.with("status");
            if (!status.has("phase")) {
                status.put("phase", "Pending");
                status.put("startTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            }
            return super.handleCreate(jsonRequest(HttpMethod.POST, path, pod.toString()));
        }

        private static RecordedRequest jsonRequest(HttpMethod method, String path, String body) {
            return new RecordedRequest("HTTP/1.1", method, path,
                    Headers.builder().add("Content-Type", "application/json").build(),
                    new Buffer().writeUtf8(body));
        }
    }
}
