package io.osprey.packet.flow;

import io.osprey.packet.decode.Packet;
import io.osprey.packet.testing.SyntheticFrame;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table against a model: a map from the canonical 5-tuple to packet counts. Random traffic over a small
 * address space (so flows repeat, collide and get evicted) must leave the table agreeing with the model for
 * every flow it still holds, within its size bound.
 */
class FlowTableProperties {

    @Property(tries = 200)
    void agreesWithAMapModelUnderEvictionAndDeletion(
            @ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 4095) Integer> traffic,
            @ForAll @IntRange(min = 16, max = 64) int maxFlows) {
        FlowTableConfig config = new FlowTableConfig(Duration.ofHours(1), Duration.ofHours(2), maxFlows, 16);
        Map<String, Long> model = new HashMap<>();
        Map<Integer, String> keyOfFlow = new HashMap<>();
        FlowTable table = new FlowTable(config, new FlowListener() {
            @Override
            public void onFlowEnd(FlowTable t, int flow, FlowEndReason reason) {
                model.remove(keyOfFlow.remove(flow));
            }
        });
        Packet packet = new Packet();
        double t = 0;
        for (int x : traffic) {
            int host = x & 63, port = 1000 + (x >> 6 & 7);
            boolean reverse = (x & 512) != 0;
            SyntheticFrame f = SyntheticFrame.from("02:00:00:00:00:01", "10.0.0." + host)
                    .to("02:00:00:00:00:02", "10.0.1.1").atSeconds(t += 0.001);
            byte[] bytes = reverse ? f.reply().udp(53, port) : f.udp(port, 53);
            int flow = table.track((reverse ? f.reply() : f).decode(bytes, packet));
            String key = host + ":" + port;
            keyOfFlow.put(flow, key);
            model.merge(key, 1L, Long::sum);
            assertThat(table.size()).isLessThanOrEqualTo(maxFlows).isEqualTo(model.size());
            assertThat(table.packets(flow)).isEqualTo(model.get(key));
        }
    }
}
