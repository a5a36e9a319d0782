package dev.hooklab.ui.shell;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import com.sun.javafx.tk.Toolkit;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

import java.io.File;
import java.security.AccessControlContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Real drag events for headless tests: a dragboard over JavaFX's own local clipboard (which, bare, has no transfer
 * modes), and DRAG_OVER then DRAG_DROPPED fired at the centre of a node, the way a drop from the desktop arrives.
 */
final class DragSupport {
    private DragSupport() {
    }

    /** Drags the files over the node and drops them; FX thread. */
    static void drop(Node target, List<File> files) {
        Dragboard db = dragboard(files);
        Bounds b = target.localToScene(target.getBoundsInLocal());
        double x = b.getMinX() + b.getWidth() / 2;
        double y = b.getMinY() + b.getHeight() / 2;
        Point2D screen = target.getScene().getRoot().localToScreen(x, y);
        double sx = screen == null ? x : screen.getX();
        double sy = screen == null ? y : screen.getY();
        Event.fireEvent(target, new DragEvent(target, target, DragEvent.DRAG_OVER, db, x, y, sx, sy, null, null, null,
                null));
        Event.fireEvent(target, new DragEvent(target, target, DragEvent.DRAG_DROPPED, db, x, y, sx, sy,
                TransferMode.COPY, null, null, null));
    }

    private static Dragboard dragboard(List<File> files) {
        TKClipboard local = Toolkit.getToolkit().createLocalClipboard();
        Dragboard db = DragboardHelper.createDragboard(new CopyOrMove(local));
        DragboardHelper.setDataAccessRestriction(db, false);
        ClipboardContent content = new ClipboardContent();
        content.putFiles(files);
        db.setContent(content);
        return db;
    }

    /** The local clipboard, offering copy or move as a desktop drag does. */
    private record CopyOrMove(TKClipboard d) implements TKClipboard {
        @Override
        @SuppressWarnings("removal")
        public void setSecurityContext(AccessControlContext ctx) {
            d.setSecurityContext(ctx);
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return d.getContentTypes();
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... content) {
            return d.putContent(content);
        }

        @Override
        public Object getContent(DataFormat f) {
            return d.getContent(f);
        }

        @Override
        public boolean hasContent(DataFormat f) {
            return d.hasContent(f);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return EnumSet.of(TransferMode.COPY, TransferMode.MOVE);
        }

        @Override
        public void setDragView(Image image) {
            d.setDragView(image);
        }

        @Override
        public void setDragViewOffsetX(double v) {
            d.setDragViewOffsetX(v);
        }

        @Override
        public void setDragViewOffsetY(double v) {
            d.setDragViewOffsetY(v);
        }

        @Override
        public Image getDragView() {
            return d.getDragView();
        }

        @Override
        public double getDragViewOffsetX() {
            return d.getDragViewOffsetX();
        }

        @Override
        public double getDragViewOffsetY() {
            return d.getDragViewOffsetY();
        }
    }
}
