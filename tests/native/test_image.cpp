// The compact dataset image: what the page loads. It reads back to the same answers as the JSON
// it was made from, and a truncated, bit-flipped or hostile image is refused with a message,
// never read out of bounds (the sanitizer suite runs these under ASan and UBSan).
#include <doctest/doctest.h>

#include <string>

#include "helpers.hpp"
#include "image.hpp"

using namespace breachcheck;
using nlohmann::json;

namespace {

const std::string& real_image() {
    static const std::string image = write_image(real_engine().dataset());
    return image;
}

std::unique_ptr<Engine> from_image(const std::string& bytes) {
    LoadOutcome r = Engine::from_image(bytes);
    return std::move(r.engine);
}

}  // namespace

TEST_CASE("an image gives the same answers as the JSON it was made from") {
    const auto img = from_image(real_image());
    REQUIRE(img);
    const Engine& js = real_engine();
    CHECK(img->dataset().source_sha256 == js.dataset().sha256);
    CHECK(img->dataset().sha256 != js.dataset().sha256);  // its own bytes
    for (const json& answers : {json{{"org", "helium"}, {"network", "itelis"}}, json{{"query", "malakof humanis"}}, json{{"card", "almerys"}},
                                json{{"org", "mutame-plus"}, {"contract", "protec territoriale"}}, json{{"role", "pro"}}, json{{"query", "Mercer"}},
                                json{{"org", "alan"}, {"covered", "after2024"}, {"lang", "en"}}}) {
        CAPTURE(answers.dump());
        json a = check(*img, answers), b = check(js, answers);
        a.erase("dataset");
        b.erase("dataset");
        a["report"].erase("body");
        b["report"].erase("body");
        CHECK(a == b);
    }
    CHECK(img->search("mutuel generale", 8) == js.search("mutuel generale", 8));
    CHECK(img->list() == js.list());
}

TEST_CASE("an image of a French-only copy answers in French for English readers") {
    json j = real_dataset_json();
    std::function<void(json&)> drop = [&](json& v) {
        if (v.is_object()) {
            if (v.size() == 2 && v.contains("fr") && v.contains("en") && v["fr"].is_string()) v.erase("en");
            for (auto& [k, x] : v.items()) drop(x);
        } else if (v.is_array()) {
            for (auto& x : v) drop(x);
        }
    };
    drop(j);
    j["languages"] = json::array({"fr"});
    const auto fr = engine_from(j.dump());
    const std::string image = write_image(fr->dataset());
    CHECK(image.size() < real_image().size() * 3 / 4);  // the English texts are not stored twice
    const auto img = from_image(image);
    REQUIRE(img);
    const json r = check(*img, {{"org", "helium"}, {"lang", "en"}});
    CHECK(r["incidents"][0]["name"] == check(real_engine(), {{"org", "helium"}})["incidents"][0]["name"]);
}

TEST_CASE("a truncated image is refused at every length") {
    const std::string& image = real_image();
    // Every length up to the header and a sample of lengths through the payload.
    for (std::size_t n = 0; n < image.size(); n += (n < 64 ? 1 : 997)) {
        CAPTURE(n);
        const ImageResult r = read_image(image.substr(0, n));
        CHECK_FALSE(r.dataset);
        CHECK_FALSE(r.error.empty());
    }
}

TEST_CASE("a bit-flipped image is refused or reads to a consistent dataset, never out of bounds") {
    const std::string& image = real_image();
    std::size_t refused = 0, read = 0;
    for (std::size_t at = 0; at < image.size(); at += 131) {
        for (const unsigned char mask : std::initializer_list<unsigned char>{0x01, 0x80, 0xFF}) {
            std::string bad = image;
            bad[at] = static_cast<char>(static_cast<unsigned char>(bad[at]) ^ mask);
            const ImageResult r = read_image(bad);
            if (!r.dataset) {
                ++refused;
                CHECK_FALSE(r.error.empty());
                continue;
            }
            ++read;
            // A flip inside a text is not a structural error: the dataset is still consistent and
            // the engine answers (the manifest's SHA-256 is what refuses such a file in the page).
            CHECK(check_model(*r.dataset).empty());
            const auto e = Engine::from_dataset(std::make_unique<const Dataset>(*r.dataset));
            CHECK(check(*e, {{"org", "helium"}})["ok"] == true);
        }
    }
    CHECK(refused > 0);
    CHECK(read > 0);
}

TEST_CASE("hostile images: wrong magic, version, length, huge counts and indices") {
    const std::string& image = real_image();
    auto with_u32 = [&](std::size_t at, std::uint32_t v) {
        std::string s = image;
        for (int i = 0; i < 4; ++i) s[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
        return s;
    };
    struct Case {
        const char* name;
        std::string bytes;
        const char* message;
    };
    const std::vector<Case> cases = {
        {"empty", "", "bad magic"},
        {"JSON given as an image", real_dataset_text(), "bad magic"},
        {"other format version", with_u32(8, 99), "image format 99"},
        {"length larger than the file", with_u32(16, 0x7FFFFFFF), "length does not match"},
        {"length smaller than the file", image + "x", "length does not match"},
        {"huge count of languages", with_u32(24, 0xFFFFFFF0), "count larger than the image"},
        {"schema version differs from the header", with_u32(12, 7), "schema version differs"},
    };
    for (const Case& c : cases) {
        CAPTURE(std::string(c.name));
        const ImageResult r = read_image(c.bytes);
        CHECK_FALSE(r.dataset);
        CHECK(r.error.find(c.message) != std::string::npos);
    }
    // An index pointing outside its list is an inconsistency, found after the structure is read;
    // a source reference, as it is read (the sources come first).
    Dataset ds = real_engine().dataset();
    ds.organizations[0].scopes[0].incident = 999999;
    const ImageResult r = read_image(write_image(ds));
    CHECK_FALSE(r.dataset);
    CHECK(r.error.find("inconsistent image") != std::string::npos);
    ds = real_engine().dataset();
    ds.organizations[0].scopes[0].sources.push_back(999999);
    const ImageResult s = read_image(write_image(ds));
    CHECK_FALSE(s.dataset);
    CHECK(s.error.find("source index out of range") != std::string::npos);
}
