package dev.tunelab.core.xgboost;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Cuts a tree model, saved in XGBoost's JSON model format, down to its first boosting rounds: the
 * same as XGBoost's native {@code Booster.slice} (which XGBoost4J does not expose) for
 * {@code gbtree} and {@code dart}. Used to save exactly {@code best_iteration + 1} rounds after
 * early stopping, so that any reader predicts with the best model. Numbers are copied as written
 * (no float round trip).
 */
final class ModelSlicer {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(new ExactFloats());

  private ModelSlicer() {
  }

  /** True when the model holds trees that {@link #keepRounds} can cut (not {@code gblinear}). */
  static boolean sliceable(byte[] json) throws IOException {
    return treeModel(JSON.readTree(json)) != null;
  }

  /**
   * The model with only its first {@code rounds} boosting rounds, and with the learner attributes
   * given set (for example {@code best_iteration}).
   *
   * @throws IllegalArgumentException when the model is not a tree model or has fewer rounds
   */
  static byte[] keepRounds(byte[] json, int rounds, Map<String, String> attributes) throws IOException {
    JsonNode root = JSON.readTree(json);
    ObjectNode model = treeModel(root);
    if (model == null) {
      throw new IllegalArgumentException("model: not a tree model (gbtree or dart), cannot keep " + rounds + " rounds");
    }
    ArrayNode indptr = (ArrayNode) model.get("iteration_indptr");
    int have = indptr.size() - 1;
    if (rounds < 1 || rounds > have) {
      throw new IllegalArgumentException("rounds: got " + rounds + "; expected 1.." + have);
    }
    int trees = indptr.get(rounds).asInt();
    truncate(indptr, rounds + 1);
    truncate((ArrayNode) model.get("trees"), trees);
    truncate((ArrayNode) model.get("tree_info"), trees);
    for (JsonNode holder : new JsonNode[] {model, root.path("learner").path("gradient_booster")}) {
      if (holder.get("weight_drop") instanceof ArrayNode weights) {
        truncate(weights, trees);
      }
    }
    ((ObjectNode) model.get("gbtree_model_param")).put("num_trees", Integer.toString(trees));
    ObjectNode attrs = (ObjectNode) root.get("learner").get("attributes");
    attributes.forEach(attrs::put);
    return JSON.writeValueAsBytes(root);
  }

  /**
   * Keeps floating-point numbers as exact decimals and writes them back with a decimal point:
   * XGBoost's JSON reader takes {@code 1} for an integer and refuses it where a float belongs.
   */
  private static final class ExactFloats extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public ValueNode numberNode(BigDecimal v) {
      String s = v.toPlainString();
      return rawValueNode(new RawValue(s.indexOf('.') < 0 ? s + ".0" : s));
    }
  }

  private static void truncate(ArrayNode array, int size) {
    while (array.size() > size) {
      array.remove(array.size() - 1);
    }
  }

  private static ObjectNode treeModel(JsonNode root) {
    JsonNode booster = root.path("learner").path("gradient_booster");
    for (JsonNode candidate : new JsonNode[] {booster.path("model"), booster.path("gbtree").path("model"),
        booster.path("gbtree")}) {
      if (candidate.isObject() && candidate.has("trees") && candidate.has("iteration_indptr")) {
        return (ObjectNode) candidate;
      }
    }
    return null;
  }
}
