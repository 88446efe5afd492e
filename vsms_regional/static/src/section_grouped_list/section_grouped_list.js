import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { X2ManyField, x2ManyField } from "@web/views/fields/x2many/x2many_field";
import { ListRenderer } from "@web/views/list/list_renderer";

/**
 * A one2many list that shows a title row before the first record of each
 * section (records arrive ordered by section, then number), like the section
 * rows of the printed work plan.
 */
export class SectionGroupedListRenderer extends ListRenderer {
    static rowsTemplate = "vsms_regional.SectionGroupedListRenderer.Rows";

    sectionId(record) {
        return record.data.section_id ? record.data.section_id.id : false;
    }

    isSectionStart(index) {
        const records = this.props.list.records;
        const current = this.sectionId(records[index]);
        if (index === 0) {
            return Boolean(current) || records.some((record) => this.sectionId(record));
        }
        return current !== this.sectionId(records[index - 1]);
    }

    sectionName(record) {
        return record.data.section_id
            ? record.data.section_id.display_name
            : _t("Without section");
    }
}

export class SectionGroupedOne2ManyField extends X2ManyField {
    static components = {
        ...X2ManyField.components,
        ListRenderer: SectionGroupedListRenderer,
    };
}

registry.category("fields").add("vsms_section_grouped_one2many", {
    ...x2ManyField,
    component: SectionGroupedOne2ManyField,
});
