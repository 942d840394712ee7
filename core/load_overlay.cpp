// Insurers' overlays (docs/embedding.md): read over a valid dataset, merged into a copy of it, and
// their theme checked for WCAG AA contrast on the colours really shown.
#include <algorithm>
#include <cmath>

#include "load_dataset.hpp"
#include "sha256.hpp"
#include "text.hpp"

namespace breachcheck::load {

void DatasetLoader::start_from(const Dataset& base) {
    out = base;
    ds = &out;
    french_only = out.languages.size() == 1;
    source_index.clear();
    for (std::size_t i = 0; i < out.sources.size(); ++i) source_index.emplace(out.sources[i].id, i);
}

void DatasetLoader::load_overlay(const json& root) {
    if (!object(root, "", {"overlay_version", "id", "organization"},
                {"lock", "lang", "sources", "scopes", "notes", "contacts", "notification", "actions", "theme"})) {
        return;
    }
    Overlay& ov = out.overlay;
    ov.present = true;
    const json& version = field(root, "overlay_version");
    if (!version.is_number_integer()) error("/overlay_version", "expected an integer");
    else if (version.get<std::int64_t>() != 1) error("/overlay_version", "unsupported overlay version " + version.dump() + " (this engine reads version 1)");
    ov.id = id(root, "");
    const std::string org = string(root, "organization", "", true, 64);
    const Organization* target = out.find_org(org);
    if (!target && field(root, "organization").is_string()) error("/organization", "unknown organization " + shown(org) + " (not in the public dataset)");
    if (target) ov.organization = out.org_index(*target);
    ov.lock = boolean(root, "lock", "", false);
    if (root.contains("lang")) {
        ov.lang = string(root, "lang", "", true, 2);
        Lang l;
        if (field(root, "lang").is_string() && !parse_id(lang_vocab, ov.lang, l)) error("/lang", "expected " + id_list(lang_vocab));
    }
    load_sources(root, /*from_overlay=*/true);

    std::vector<Scope> restated;
    for_each_item(root, "scopes", "", 20, [&](const json& sj, const std::string& sp) {
        Scope sc;
        load_scope(sj, sp, sc);
        restated.push_back(std::move(sc));
    });
    if (target) {
        // The insurer's word on an incident replaces what the public sources said about it.
        Organization& o = out.organizations[ov.organization];
        for (const Scope& sc : restated) {
            if (sc.incident >= out.incidents.size()) continue;
            const std::string& inc = out.incidents[sc.incident].id;
            if (std::find(ov.replaced_incidents.begin(), ov.replaced_incidents.end(), inc) == ov.replaced_incidents.end()) {
                ov.replaced_incidents.push_back(inc);
                const std::size_t index = sc.incident;
                o.scopes.erase(std::remove_if(o.scopes.begin(), o.scopes.end(), [&](const Scope& x) { return x.incident == index; }), o.scopes.end());
            }
        }
        o.scopes.insert(o.scopes.end(), restated.begin(), restated.end());
    }
    for_each_item(root, "notes", "", 50, [&](const json& n, const std::string& np) {
        OverlayNote note;
        if (!object(n, np, {"incident", "text", "sources"}, {})) return;
        note.incident = incident_ref(n, np);
        note.text = local(n, "text", np);
        note.sources = sources(n, np, true);
        if (note.incident < out.incidents.size()) ov.notes.push_back(std::move(note));
    });
    for_each_item(root, "contacts", "", 20, [&](const json& c, const std::string& cp) { ov.contacts.push_back(contact(c, cp, false)); });
    if (root.contains("notification")) {
        const json& n = field(root, "notification");
        if (object(n, "/notification", {"date", "text"}, {})) {
            ov.has_notification = true;
            ov.notification_date = date(n, "date", "/notification", true);
            ov.notification_text = local(n, "text", "/notification");
        }
    }
    load_actions(root, "", /*from_overlay=*/true);
    if (root.contains("theme")) load_theme(field(root, "theme"));
}

void DatasetLoader::load_theme(const json& t) {
    Theme& theme = out.overlay.theme;
    if (!object(t, "/theme", {}, {"accent", "accent_text", "background", "text", "radius", "font"})) return;
    for (auto [key, value] : {std::pair<const char*, std::string*>{"accent", &theme.accent}, {"accent_text", &theme.accent_text},
                              {"background", &theme.background}, {"text", &theme.text}}) {
        if (!t.contains(key)) continue;
        *value = string(t, key, "/theme", true, 64);
        if (field(t, key).is_string() && !valid_colour(*value)) {
            error(child("/theme", key), "expected a colour as #rrggbb, not " + shown(*value));
            value->clear();
        }
    }
    if (t.contains("radius")) {
        const json& r = field(t, "radius");
        if (!r.is_number_integer() || r.get<std::int64_t>() < 0 || r.get<std::int64_t>() > 24) error("/theme/radius", "expected a whole number of pixels from 0 to 24");
        else theme.radius = static_cast<int>(r.get<std::int64_t>());
    }
    if (t.contains("font")) {
        theme.font = string(t, "font", "/theme", true, 16);
        if (field(t, "font").is_string() && theme.font != "system" && theme.font != "sans" && theme.font != "serif" && theme.font != "rounded") {
            error("/theme/font", "expected system, sans, serif or rounded");
        }
    }
    // Checked on the colours that will really be shown (the page's defaults fill gaps).
    const std::string bg = theme.background.empty() ? std::string(default_background) : theme.background;
    const std::string fg = theme.text.empty() ? std::string(default_text) : theme.text;
    const std::string ac = theme.accent.empty() ? std::string(default_accent) : theme.accent;
    const std::string at = theme.accent_text.empty() ? std::string(default_accent_text) : theme.accent_text;
    struct Pair { const char* what; std::string a, b; double min; };
    for (const Pair& pr : {Pair{"text on background", fg, bg, 4.5}, Pair{"accent_text on accent", at, ac, 4.5},
                           Pair{"accent on background", ac, bg, 3.0}}) {
        const double ratio = contrast_ratio(pr.a, pr.b);
        if (ratio < pr.min && theme.fallback_reason.empty()) {
            const long hundredths = std::lround(ratio * 100);
            const std::string shown_ratio = std::to_string(hundredths / 100) + "." + (hundredths % 100 < 10 ? "0" : "") + std::to_string(hundredths % 100);
            theme.fallback_reason = std::string("contrast of ") + pr.what + " is " + shown_ratio + ":1, below the " +
                                    (pr.min == 3.0 ? "3.0" : "4.5") + ":1 WCAG AA minimum";
        }
    }
    theme.applied = theme.fallback_reason.empty();
    if (!theme.applied) return;
    // Derived colours (web/embed-frame.js only sets them): the closest colour to `colour` that
    // reads as text on the background, moving towards the text colour.
    auto channel = [](std::string_view c, std::size_t i) {
        auto hex = [](char x) { return x <= '9' ? x - '0' : (x | 0x20) - 'a' + 10; };
        return hex(c[i]) * 16 + hex(c[i + 1]);
    };
    auto mix = [&](std::string_view a, std::string_view b, double share) {
        static const char digits[] = "0123456789abcdef";
        std::string mixed = "#";
        for (std::size_t i = 1; i < 7; i += 2) {
            const long v = std::lround(channel(a, i) + (channel(b, i) - channel(a, i)) * share);
            mixed.push_back(digits[(v >> 4) & 0xF]);
            mixed.push_back(digits[v & 0xF]);
        }
        return mixed;
    };
    auto readable = [&](const std::string& colour) {
        for (int k = 0; k <= 10; ++k) {
            const std::string c = mix(colour, fg, k / 10.0);
            if (contrast_ratio(c, bg) >= 4.5) return c;
        }
        return fg;
    };
    theme.muted = contrast_ratio(std::string(default_muted), bg) >= 4.5 && theme.text.empty() ? std::string(default_muted) : readable(mix(fg, bg, 0.3));
    theme.accent_ink = readable(ac);
    theme.accent_soft = mix(bg, ac, 0.1);
    if (contrast_ratio(fg, theme.accent_soft) < 4.5 || contrast_ratio(theme.accent_ink, theme.accent_soft) < 4.5) theme.accent_soft = bg;
}

}  // namespace breachcheck::load

namespace breachcheck {

double contrast_ratio(std::string_view a, std::string_view b) {
    if (!load::valid_colour(a) || !load::valid_colour(b)) return 0;
    auto luminance = [](std::string_view c) {
        auto hex = [](char x) { return x <= '9' ? x - '0' : (x | 0x20) - 'a' + 10; };
        auto channel = [&](std::size_t at) {
            const double v = (hex(c[at]) * 16 + hex(c[at + 1])) / 255.0;
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

LoadResult apply_overlay(const Dataset& base, std::string_view text) {
    LoadResult result;
    load::json root;
    if (std::string message = load::parse_document(text, max_overlay_bytes, "overlay", root); !message.empty()) {
        result.errors.push_back({"", message});
        return result;
    }
    load::DatasetLoader loader;
    loader.start_from(base);
    loader.load_overlay(root);
    if (!loader.errors.empty()) {
        result.errors = std::move(loader.errors);
        return result;
    }
    loader.out.overlay.sha256 = sha256_hex(text);
    result.dataset = std::make_unique<const Dataset>(std::move(loader.out));
    return result;
}

}  // namespace breachcheck
