package dev.ocular.gpu;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Messages delivered by the validation layer through the debug-utils messenger. The layer only logs; tests read this
 * log and fail on any entry. Thread-safe: drivers may call the messenger from their own threads.
 */
public final class ValidationLog {
    /** One message: severity and type bits as Vulkan defines them, the message id name and its text. */
    public record Message(int severity, int types, String idName, String text) {
        @Override
        public String toString() {
            return "[" + severityName(severity) + "] " + idName + ": " + text;
        }
    }

    private final List<Message> messages = new CopyOnWriteArrayList<>();

    void add(Message message) {
        messages.add(message);
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    public int count() {
        return messages.size();
    }

    public void clear() {
        messages.clear();
    }

    static String severityName(int severity) {
        if ((severity & 0x1000) != 0) {
            return "error";
        }
        if ((severity & 0x100) != 0) {
            return "warning";
        }
        if ((severity & 0x10) != 0) {
            return "info";
        }
        return "verbose";
    }
}
