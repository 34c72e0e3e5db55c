import dev.ocular.compositor.train.Dataset;
import dev.ocular.compositor.train.Shot;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.model.*;
import dev.ocular.vrnet.reference.*;
import dev.ocular.vrnet.train.*;
import java.nio.file.Path;

/** Histogram of tanh(head) per channel over validation sequences: how often the head sits at its bounds. */
public class HeadStats {
    public static void main(String[] a) {
        Dataset d = Dataset.open(Path.of(a.length > 3 ? a[3] : "out/shipped/dataset"));
        NetModel m = NetModel.load(NetSpec.shipped(), Path.of(a[0]));
        SequenceSource v = d.split(a.length > 1 ? a[1] : Shot.VALIDATION);
        int[][] hist = new int[3][10];
        double[] sum = new double[3];
        long n = 0;
        int count = Math.min(v.size(), a.length > 2 ? Integer.parseInt(a[2]) : 6);
        for (int s = 0; s < count; s++) {
            TrainSequence seq = v.sequence(s * (v.size() / count));
            ImageData history = null;
            for (TrainFrame f : seq.frames()) {
                var fw = ReferenceNet.forward(m, f.gbuffer(), ReferenceNet.usableHistory(history, f.params()), null, f.params());
                history = fw.history();
                ImageData head = fw.layers().get(fw.layers().size() - 1);
                for (int y = 0; y < head.height(); y++) for (int x = 0; x < head.width(); x++) {
                    for (int c = 0; c < 3; c++) {
                        double t = Math.tanh(head.get(x, y, c));
                        hist[c][Math.min(9, (int) ((t + 1) * 5))]++;
                        sum[c] += t;
                    }
                    n++;
                }
            }
            System.out.println("seq " + seq.name());
        }
        String[] names = {"sigma", "cap", "gamma"};
        for (int c = 0; c < 3; c++) {
            StringBuilder b = new StringBuilder(names[c] + String.format(" mean tanh %.3f  bins[-1..1]:", sum[c] / n));
            for (int k = 0; k < 10; k++) b.append(String.format(" %.3f", hist[c][k] / (double) n));
            System.out.println(b);
        }
    }
}
