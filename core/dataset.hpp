// The dataset model (immutable after load) and its strict loader/validator.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace breachcheck {

enum class Lang { fr, en };
enum class Confidence { weak, press, own_statement };  // ordered: stronger last
// Ordered by severity: the overall verdict is the maximum over incidents.
enum class Verdict { not_affected, unknown, possible, likely, affected };
enum class ScopeStatus { current, former, indirect, not_concerned };

struct LocalText {
    std::string fr;
    std::string en;
    const std::string& get(Lang lang) const { return lang == Lang::en ? en : fr; }
};

using SourceRefs = std::vector<std::size_t>;  // indices into Dataset::sources

struct Source {
    // `date` is the publication date, or "undated" for a page that shows none; then `accessed`
    // (when the copy was read) is required, so that no reading date passes for a publication date.
    std::string id, url, publisher, date, accessed, title, note;
    Confidence confidence = Confidence::weak;
    bool from_overlay = false;  // published by the insurer in its overlay
};

struct DataClass {
    std::string id;
    LocalText label;
};

struct ClassList {
    std::vector<std::string> classes;
    SourceRefs sources;
};

struct Sourced {
    LocalText text;
    SourceRefs sources;
};

struct Fact {
    std::string id, kind, date;
    LocalText text;
    SourceRefs sources;
};

struct AttackWindow {
    std::string end;
    LocalText text;
    SourceRefs sources;
};

struct ProSide {
    ClassList exposed;
    LocalText text;
    SourceRefs sources;
};

struct Incident {
    std::string id, operator_id;
    LocalText name;
    AttackWindow attack_window;
    std::vector<Fact> facts;
    ClassList exposed, not_exposed;
    Sourced card_evidence;
    ProSide pro;
};

struct NetworkLink {
    std::size_t incident = 0;
    std::string kind;  // hosted_by_operator | partner | note
    LocalText text;
    SourceRefs sources;
};

struct Network {
    std::string id, name;
    std::vector<NetworkLink> links;
};

struct Coverage {
    std::string from, to;  // empty = open-ended
    LocalText text;
    SourceRefs sources;
};

struct Outside {
    Verdict verdict = Verdict::unknown;  // not_affected or unknown
    LocalText text;
    SourceRefs sources;
};

struct Scope {
    std::size_t incident = 0;
    ScopeStatus status = ScopeStatus::current;
    bool uncertain = false;
    LocalText text;
    SourceRefs sources;
    bool has_coverage = false;
    Coverage coverage;
    std::vector<std::string> networks;
    std::vector<std::string> contracts;
    ClassList extra_exposed;
    bool has_outside = false;
    Outside outside;
};

struct Contact {
    std::string kind, value;
    LocalText label;
    SourceRefs sources;
};

struct Organization {
    std::string id, name, kind, group;
    std::vector<std::string> aliases;
    std::vector<std::string> amc;
    bool has_note = false;
    LocalText note;
    std::vector<Contact> contacts;
    std::vector<Scope> scopes;
};

struct Option {
    std::string id;
    LocalText label;
};

struct Question {
    std::string id;
    LocalText text, help;
    std::vector<Option> options;
};

struct Link {
    std::string url;
    LocalText label;
};

struct Action {
    std::string id;
    int priority = 0;
    LocalText title, text;
    std::vector<Link> links;
    std::vector<Verdict> verdicts;         // empty = any
    std::vector<std::string> classes_any;  // empty = any
    std::vector<std::string> roles;        // empty = any
    bool from_overlay = false;
};

// What an insurer embedding the checker adds over the public dataset (docs/embedding.md).
struct Theme {
    // Only these tokens exist: no CSS text ever comes from an overlay.
    std::string accent, accent_text, background, text;  // "#rrggbb" or empty (default)
    int radius = -1;                                    // px, 0..24; -1 = default
    std::string font;                                   // system | sans | serif | rounded | ""
    bool applied = false;       // false when absent, or when its contrast would fail WCAG AA
    std::string fallback_reason;
};

struct OverlayNote {
    std::size_t incident = 0;
    LocalText text;
    SourceRefs sources;
};

struct Overlay {
    bool present = false;
    std::string id, sha256;
    std::size_t organization = 0;  // index into Dataset::organizations
    bool lock = false;             // the page does not let people pick another insurer
    std::string lang;              // default page language, "" = the page's own
    std::vector<OverlayNote> notes;
    std::vector<Contact> contacts;
    bool has_notification = false;
    std::string notification_date;
    LocalText notification_text;
    Theme theme;
    std::vector<std::string> replaced_incidents;  // incidents whose scopes the overlay restates
};

struct Dataset {
    int schema_version = 0;
    std::string dataset_version, date, jurisdiction, sha256;
    // The languages every text has: {"fr", "en"}, or {"fr"} for a French-only copy, whose
    // English texts are the French ones.
    std::vector<std::string> languages{"fr", "en"};
    std::vector<Source> sources;
    std::vector<DataClass> data_classes;
    std::vector<Incident> incidents;
    std::vector<Network> networks;
    std::vector<Organization> organizations;
    std::vector<Question> questions;
    std::vector<Action> actions;
    Overlay overlay;

    const Organization* find_org(std::string_view id) const;
    const Network* find_network(std::string_view id) const;
    const DataClass* find_class(std::string_view id) const;
    const Question* find_question(std::string_view id) const;
    std::size_t org_index(const Organization& org) const { return static_cast<std::size_t>(&org - organizations.data()); }
};

struct ValidationError {
    std::string path;     // JSON pointer, "" for the whole document
    std::string message;
};

struct LoadResult {
    std::shared_ptr<const Dataset> dataset;  // null when errors is not empty
    std::vector<ValidationError> errors;
};

// Largest dataset text accepted, and deepest nesting: both far above the real dataset, and low
// enough that hostile input cannot exhaust memory or the stack.
inline constexpr std::size_t max_dataset_bytes = 16 * 1024 * 1024;
inline constexpr std::size_t max_json_depth = 32;

// The fixed answer vocabularies of the check.
extern const std::vector<std::string> network_ids;  // itelis … unknown

// Parses and validates; collects every error it can find (up to a cap) instead of stopping at
// the first. Never throws on any input.
LoadResult load_dataset(std::string_view json_text);

// Validates an insurer's overlay against `base` and returns the merged dataset: the overlay's
// sources and actions are added (an action with a base id replaces it), its scopes replace the
// organization's scopes for the incidents they name, its notes, contacts, notification and theme
// are attached. Errors name JSON paths inside the overlay.
LoadResult apply_overlay(const Dataset& base, std::string_view overlay_text);

// WCAG 2.1 contrast ratio of two "#rrggbb" colours (1 to 21); 0 when either is malformed.
double contrast_ratio(std::string_view a, std::string_view b);

std::string_view to_string(Verdict v);
std::string_view to_string(Confidence c);
bool parse_verdict(std::string_view s, Verdict& out);

}  // namespace breachcheck
