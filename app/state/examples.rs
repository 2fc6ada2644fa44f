//! The example scenarios, built into the binary so File > Examples works wherever it is
//! installed.

/// Each example's menu name and its file's text.
pub const EXAMPLES: [(&str, &str); 12] = [
    (
        "A support assistant on GPT-4o mini (default)",
        include_str!("../../scenarios/default.ron"),
    ),
    (
        "Legal-tech contract analyser (seed case)",
        include_str!("../../scenarios/seed000-legal-tech.ron"),
    ),
    (
        "Llama 3 8B on AWS against a $0.50 API (seed case)",
        include_str!("../../scenarios/seed001-llama3-8b-on-aws.ron"),
    ),
    (
        "Routing 70% of traffic to a fine-tune (seed case)",
        include_str!("../../scenarios/seed002-route-to-fine-tune.ron"),
    ),
    (
        "Routing by feature: the structured 70% to a fine-tune (seed case)",
        include_str!("../../scenarios/seed002-route-by-feature.ron"),
    ),
    (
        "Three features that move at different months",
        include_str!("../../scenarios/three-features-roadmap.ron"),
    ),
    (
        "The Heavy tier on GPT-4o (seed case)",
        include_str!("../../scenarios/seed003-gpt4o-heavy-tier.ron"),
    ),
    (
        "A B2B SaaS product, 1,000 daily users (seed case)",
        include_str!("../../scenarios/seed004-b2b-saas.ron"),
    ),
    (
        "An air-gapped defence contractor",
        include_str!("../../scenarios/defence-air-gapped.ron"),
    ),
    (
        "A data platform with a 200B-token corpus",
        include_str!("../../scenarios/data-platform-pretrain.ron"),
    ),
    (
        "A workflow product whose edge is around the model",
        include_str!("../../scenarios/differentiator-around-the-model.ron"),
    ),
    (
        "A ticket classifier on a frontier model",
        include_str!("../../scenarios/frontier-on-a-workhorse-task.ron"),
    ),
];

#[cfg(test)]
mod tests {
    #[test]
    fn every_built_in_example_loads() {
        for (name, text) in super::EXAMPLES {
            assert!(
                breakeven_model::scenario::from_ron_str(text).is_ok(),
                "{name}"
            );
        }
    }
}
