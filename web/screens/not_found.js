// An address that is no screen of this app.
import { t } from "../i18n.js";
import { h, up } from "../ui.js";

export default {
  name: "not-found",
  public: true,
  render: () => [up("/", t("my_groups")), h("h2", { text: t("not_found_title") }), h("p", { text: t("not_found_text") })],
};
